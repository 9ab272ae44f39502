using System.CommandLine;
using System.Diagnostics;
using Baize.Cli.Testing;

namespace Baize.Cli.Commands;

/// <summary><c>baize test</c>: builds and runs every test project, then prints one summary line for CI.</summary>
public static class TestCommand
{
    public static Command Create()
    {
        var filter = new Option<string?>("--filter") { Description = "Run only the tests that match this dotnet test filter expression." };
        var command = new Command("test", "Run every test (installs and starts what the tests need).") { filter };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(filter), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? filter, CancellationToken cancellationToken)
    {
        var resultsDirectory = Path.Combine(Environment.CurrentDirectory, "artifacts", "test-results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "test", "Baize.sln", "-c", "Debug", "--logger", "trx", "--results-directory", resultsDirectory },
        };
        if (filter is not null)
        {
            start.ArgumentList.Add("--filter");
            start.ArgumentList.Add(filter);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet test");
        await process.WaitForExitAsync(cancellationToken);

        var summary = TestRunSummary.FromTrxFolder(resultsDirectory);
        Console.WriteLine();
        Console.WriteLine(summary.ToClosingLine());
        if (summary.Total == 0)
        {
            Console.Error.WriteLine("baize: no test ran");
            return 1;
        }

        return process.ExitCode != 0 || summary.Failed > 0 ? 1 : 0;
    }
}
