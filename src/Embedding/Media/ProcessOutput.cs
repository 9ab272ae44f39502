namespace Baize.Embedding.Media;

/// <summary>What an external tool produced: its standard output, the start of its standard error, and its exit code.</summary>
internal sealed record ProcessOutput(ReadOnlyMemory<byte> Output, string Errors, int ExitCode);
