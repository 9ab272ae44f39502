using System.CommandLine;
using Baize.Cli.Commands;
using Baize.Cli.Terminal;

var root = new RootCommand("Baize: cross-modal search with built-in model compression.")
{
    ServeCommand.Create(),
    DatasetCommand.Create(),
    TrainCommand.Create(),
    CompressCommand.Create(),
    EvalCommand.Create(),
    TestCommand.Create(),
};

return await CommandRunner.RunAsync(root, args, Console.Error);
