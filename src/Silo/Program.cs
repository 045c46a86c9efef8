Console.WriteLine("AlgoSpace silo");
