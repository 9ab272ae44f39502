using System.Globalization;
using System.Xml.Linq;

namespace Baize.Cli.Testing;

/// <summary>Totals over every test assembly of a run, read from the TRX files that <c>dotnet test</c> writes.</summary>
public sealed record TestRunSummary(int Passed, int Failed, int Skipped)
{
    public int Total => Passed + Failed + Skipped;

    /// <summary>The plain closing line CI reads: "N passed, N failed, N skipped".</summary>
    public string ToClosingLine() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";

    public static TestRunSummary FromTrxFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new TestRunSummary(0, 0, 0);
        }

        var totals = new TestRunSummary(0, 0, 0);
        foreach (var file in Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories))
        {
            totals = totals.Add(FromTrx(XDocument.Load(file)));
        }

        return totals;
    }

    public static TestRunSummary FromTrx(XDocument trx)
    {
        var counters = trx.Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null)
        {
            return new TestRunSummary(0, 0, 0);
        }

        int Read(string name) => int.Parse(counters.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        var failed = Read("failed") + Read("error") + Read("timeout") + Read("aborted");

        // The VSTest TRX logger leaves skipped tests out of "executed" but does not always count them as "notExecuted".
        var skipped = Math.Max(Read("notExecuted"), Read("total") - Read("executed"));
        return new TestRunSummary(Read("passed"), failed, skipped);
    }

    private TestRunSummary Add(TestRunSummary other) =>
        new(Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped);
}
