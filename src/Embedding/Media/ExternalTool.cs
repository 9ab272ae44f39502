namespace Baize.Embedding.Media;

/// <summary>A command-line program Baize runs, and the Debian package that installs it (named in the error when it is missing).</summary>
internal sealed record ExternalTool(string Command, string AptPackage)
{
    public string Name => Path.GetFileName(Command);

    /// <summary>The executable's full path, looked up on PATH when <see cref="Command"/> is a bare name.</summary>
    public string Resolve()
    {
        if (Command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(Command) ? Command : throw new MediaToolMissingException(Command, AptPackage);
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new MediaToolMissingException(Command, AptPackage);
    }
}
