namespace Parley.Application.Tests;

/// <summary>A fact that needs Linux (device files, /proc) or file permissions that bind this user (not root); skipped with the reason otherwise.</summary>
internal sealed class PlatformFactAttribute : FactAttribute
{
    public bool NeedsLinux
    {
        get => false;
        init
        {
            if (value && !OperatingSystem.IsLinux())
            {
                Skip = "needs Linux (device files and /proc)";
            }
        }
    }

    public bool NeedsPermissions
    {
        get => false;
        init
        {
            if (value && Environment.UserName == "root")
            {
                Skip = "runs as root, whom file permissions do not stop";
            }
        }
    }
}
