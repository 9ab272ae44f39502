namespace Baize.SearchApi.Tests.Support;

/// <summary>Finds files of the repository the tests were built from (the shipped models, for one).</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ShippedModels => Path.Combine(Root, "models");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Baize.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Baize.sln above {AppContext.BaseDirectory}.");
    }
}
