// The operator console (status, mode switching, shutdown) is the live-mode issue's work; until then this program
// says so rather than pretending to connect.
Console.Error.WriteLine("AlgoSpace client: the operator console (status, mode, shutdown) is not implemented yet. See README, Status.");
return 1;
