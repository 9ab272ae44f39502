using System.Reflection;

namespace Baize.TestSupport;

/// <summary>The repository the tests were built from (AssemblyMetadata set by TestSupport.csproj).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    /// <summary>The encoders shipped in <c>models/</c>.</summary>
    public static string ShippedModels => Path.Combine(Root, "models");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"{typeof(RepositoryPaths).Assembly.GetName().Name} has no AssemblyMetadata '{key}'.");
}
