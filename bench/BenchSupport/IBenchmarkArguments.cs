namespace Baize.BenchSupport;

/// <summary>What <see cref="BenchmarkProgram{TArguments, TReport}"/> needs from a benchmark's parsed command line.</summary>
public interface IBenchmarkArguments
{
    /// <summary>Where the JSON report goes, relative to the current directory.</summary>
    string Output { get; }

    /// <summary>Whether --help (or -h) was given: print the usage and do nothing else.</summary>
    bool ShowHelp { get; }
}
