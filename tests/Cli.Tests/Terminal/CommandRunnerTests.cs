using System.CommandLine;
using Baize.Cli.Commands;
using Baize.Cli.Terminal;

namespace Baize.Cli.Tests.Terminal;

public sealed class CommandRunnerTests
{
    [Fact]
    public async Task Eval_of_a_folder_that_is_not_a_model_ends_with_its_message_and_exit_code_1()
    {
        var folder = Directory.CreateTempSubdirectory("baize-not-a-model-").FullName;
        try
        {
            var error = new StringWriter();
            var root = new RootCommand { EvalCommand.Create() };

            var exitCode = await CommandRunner.RunAsync(root, ["eval", "--model", folder], error, TestContext.Current.CancellationToken);

            Assert.Equal(CommandRunner.UserErrorExitCode, exitCode);
            Assert.StartsWith("baize: ", error.ToString(), StringComparison.Ordinal);
            Assert.Contains(folder, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
