namespace Baize.TestSupport;

/// <summary>The dotnet executable, for tests that start a .NET program as a separate process.</summary>
public static class DotnetHost
{
    /// <summary>The host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string Path =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
