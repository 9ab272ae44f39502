using System.Reflection;

namespace Baize.Indexer.Tests.Support;

/// <summary>The launcher built with the tests, of the same configuration (AssemblyMetadata set by the csproj).</summary>
internal static class Launcher
{
    /// <summary>Baize.Cli.dll, run with <c>dotnet</c>.</summary>
    public static string Dll { get; } = Path.GetFullPath(
        typeof(Launcher).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(attribute => attribute.Key == "BaizeCli")?.Value
        ?? throw new InvalidOperationException("The test assembly has no AssemblyMetadata 'BaizeCli'."));
}
