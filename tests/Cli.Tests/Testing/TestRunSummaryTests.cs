using System.Xml.Linq;
using Baize.Cli.Testing;

namespace Baize.Cli.Tests.Testing;

public sealed class TestRunSummaryTests
{
    [Fact]
    public void Skipped_tests_left_out_of_executed_count_as_skipped()
    {
        // What the VSTest TRX logger wrote for xUnit v3 tests skipped with Assert.Skip: total 154, executed 113.
        var trx = Trx("""<Counters total="154" executed="113" passed="113" failed="0" error="0" timeout="0" aborted="0" notExecuted="0" />""");

        var summary = TestRunSummary.FromTrx(trx);

        Assert.Equal(new TestRunSummary(113, 0, 41), summary);
    }

    [Fact]
    public void Failures_errors_timeouts_and_aborts_count_as_failed_and_not_executed_as_skipped()
    {
        var trx = Trx("""<Counters total="10" executed="8" passed="4" failed="1" error="1" timeout="1" aborted="1" notExecuted="2" />""");

        var summary = TestRunSummary.FromTrx(trx);

        Assert.Equal(new TestRunSummary(4, 4, 2), summary);
        Assert.Equal("4 passed, 4 failed, 2 skipped", summary.ToClosingLine());
    }

    private static XDocument Trx(string counters) => XDocument.Parse(
        $"""<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><ResultSummary outcome="Completed">{counters}</ResultSummary></TestRun>""");
}
