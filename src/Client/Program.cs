Console.WriteLine("AlgoSpace client");
