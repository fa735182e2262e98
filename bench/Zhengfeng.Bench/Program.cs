// Benchmarks print figures; they are run by hand (dotnet run -c Release --project bench/Zhengfeng.Bench) and never by the test command.
Console.WriteLine("正风 benchmark: no scenario yet");
