-- KTAB-style SMP result tables (the names and columns of KTAB's SQLite output, so that users of
-- KTAB's viewer find the data where they expect it). The first schema of a Parley store: files
-- written by earlier Parley versions hold exactly these tables and are adopted as they are.
-- Identifiers are quoted because "Desc" is reserved in PostgreSQL; SQLite ignores the case of a
-- quoted name, PostgreSQL keeps it.
CREATE TABLE IF NOT EXISTS "ScenarioDesc" (
    "ScenarioId" TEXT PRIMARY KEY NOT NULL, "Scenario" TEXT NOT NULL, "Desc" TEXT, "Model" TEXT NOT NULL,
    "Turns" INTEGER NOT NULL, "Converged" INTEGER NOT NULL,
    "VictoryProbModel" TEXT, "PCEModel" TEXT, "StateTransitions" TEXT, "VotingRule" TEXT, "BigRAdjust" TEXT,
    "BigRRange" TEXT, "ThirdPartyCommit" TEXT, "InterVecBrgn" TEXT, "BargnModel" TEXT);
CREATE TABLE IF NOT EXISTS "ActorDescription" (
    "ScenarioId" TEXT NOT NULL, "Act_i" INTEGER NOT NULL, "Name" TEXT NOT NULL, "Desc" TEXT,
    PRIMARY KEY ("ScenarioId", "Act_i"));
CREATE TABLE IF NOT EXISTS "DimensionDescription" (
    "ScenarioId" TEXT NOT NULL, "Dim_k" INTEGER NOT NULL, "Name" TEXT NOT NULL,
    "Scale_Min" DOUBLE PRECISION NOT NULL, "Scale_Max" DOUBLE PRECISION NOT NULL,
    PRIMARY KEY ("ScenarioId", "Dim_k"));
CREATE TABLE IF NOT EXISTS "SpatialCapability" (
    "ScenarioId" TEXT NOT NULL, "Turn_t" INTEGER NOT NULL, "Act_i" INTEGER NOT NULL, "Cap" DOUBLE PRECISION NOT NULL,
    PRIMARY KEY ("ScenarioId", "Turn_t", "Act_i"));
CREATE TABLE IF NOT EXISTS "SpatialSalience" (
    "ScenarioId" TEXT NOT NULL, "Turn_t" INTEGER NOT NULL, "Act_i" INTEGER NOT NULL, "Dim_k" INTEGER NOT NULL,
    "Sal" DOUBLE PRECISION NOT NULL,
    PRIMARY KEY ("ScenarioId", "Turn_t", "Act_i", "Dim_k"));
CREATE TABLE IF NOT EXISTS "VectorPosition" (
    "ScenarioId" TEXT NOT NULL, "Turn_t" INTEGER NOT NULL, "Act_i" INTEGER NOT NULL, "Dim_k" INTEGER NOT NULL,
    "Pos_Coord" DOUBLE PRECISION NOT NULL,
    PRIMARY KEY ("ScenarioId", "Turn_t", "Act_i", "Dim_k"));
CREATE TABLE IF NOT EXISTS "PosProb" (
    "ScenarioId" TEXT NOT NULL, "Turn_t" INTEGER NOT NULL, "Act_i" INTEGER NOT NULL, "Pos_u" INTEGER NOT NULL,
    "Prob" DOUBLE PRECISION NOT NULL,
    PRIMARY KEY ("ScenarioId", "Turn_t", "Act_i"));
