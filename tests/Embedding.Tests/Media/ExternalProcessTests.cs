using System.Text;
using Baize.Embedding.Media;

namespace Baize.Embedding.Tests.Media;

public sealed class ExternalProcessTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Standard_input_is_closed_so_a_reader_of_it_ends_at_once()
    {
        var result = await RunAsync("cat", [], 1024, Generous);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Output.Length);
    }

    [Fact]
    public async Task Output_and_the_start_of_standard_error_are_captured()
    {
        var result = await RunAsync("sh", ["-c", "printf abc; echo problem >&2; exit 3"], 1024, Generous);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("abc", Encoding.ASCII.GetString(result.Output.Span));
        Assert.Equal("problem", result.Errors);
    }

    [Fact]
    public async Task A_process_that_outlives_the_timeout_is_killed()
    {
        // Timeout (not a normal exit after 30 s) is only reported when the process was killed.
        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => RunAsync("sleep", ["30"], 1024, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(MediaDecodeReason.Timeout, error.Reason);
    }

    [Fact]
    public async Task Output_beyond_the_cap_stops_the_process()
    {
        var error = await Assert.ThrowsAsync<MediaDecodeException>(() => RunAsync("yes", [], 100_000, Generous));

        Assert.Equal(MediaDecodeReason.TooLarge, error.Reason);
    }

    [Fact]
    public async Task Endless_standard_error_is_drained_without_blocking_the_process()
    {
        var result = await RunAsync("sh", ["-c", "head -c 1000000 /dev/zero | tr '\\0' x >&2; printf done"], 1024, Generous);

        Assert.Equal("done", Encoding.ASCII.GetString(result.Output.Span));
        Assert.Equal(4096, result.Errors.Length);
    }

    [Fact]
    public async Task Caller_cancellation_is_reported_as_cancellation_not_timeout()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ExternalProcess.RunAsync(new ExternalTool("sleep", "coreutils"), ["30"], 1024, Generous, "test", cancellation.Token));
    }

    [Fact]
    public void A_tool_missing_from_path_names_its_package()
    {
        var error = Assert.Throws<MediaToolMissingException>(() => new ExternalTool("baize-no-such-tool", "baize-package").Resolve());

        Assert.Contains("apt-get install baize-package", error.Message, StringComparison.Ordinal);
    }

    private static Task<ProcessOutput> RunAsync(string command, string[] arguments, long maxOutput, TimeSpan timeout) =>
        ExternalProcess.RunAsync(new ExternalTool(command, "coreutils"), arguments, maxOutput, timeout, "test", TestContext.Current.CancellationToken);
}
