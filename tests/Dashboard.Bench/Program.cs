using Dashboard.Bench;

return await Benchmark.Run(args);
