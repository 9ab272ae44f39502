using System.Reflection;

namespace Baize.Indexer.Tests.Support;

/// <summary>The repository the tests were built from and the launcher built with them (AssemblyMetadata set by the csproj).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string ShippedModels => Path.Combine(Root, "models");

    /// <summary>Baize.Cli.dll of the same configuration, run with <c>dotnet</c>.</summary>
    public static string BaizeCli { get; } = Path.GetFullPath(Metadata("BaizeCli"));

    /// <summary>The dotnet host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}'.");
}
