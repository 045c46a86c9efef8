using AlgoSpace.Client;

return await ClientProgram.RunAsync(args);
