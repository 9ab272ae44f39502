using System.CommandLine;
using Baize.Cli.Commands;

var root = new RootCommand("Baize: cross-modal search with built-in model compression.")
{
    ServeCommand.Create(),
    DatasetCommand.Create(),
    TrainCommand.Create(),
    CompressCommand.Create(),
    EvalCommand.Create(),
    TestCommand.Create(),
};

return await root.Parse(args).InvokeAsync();
