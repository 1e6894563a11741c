using Parley.Cli;

return ParleyApp.Run(args, CliConsole.FromSystemConsole());
