using System.Globalization;
using System.Runtime.CompilerServices;
using Baize.Vectors.Embedded;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>
/// The child process of <see cref="CrashDurabilityTests"/>. The test assembly is an executable (xUnit v3), so the
/// test starts it again with <c>dotnet exec</c> and an environment variable naming a database; this module
/// initializer runs before xUnit's generated entry point, sees the variable, writes batches forever and prints each
/// batch's ids once its upsert has returned (acknowledged), until it is killed. In the test process itself the
/// variable is absent and it does nothing.
/// </summary>
internal static class CrashWriter
{
    public const string DatabaseVariable = "BAIZE_VECTORS_CRASH_WRITER_DB";
    public const string CollectionName = "crash";
    public const int Dimension = 32;
    public const int BatchSize = 25;

    [ModuleInitializer]
    internal static void RunWhenStartedAsChild()
    {
        var path = Environment.GetEnvironmentVariable(DatabaseVariable);
        if (!string.IsNullOrEmpty(path))
        {
            Environment.Exit(WriteUntilKilled(path));
        }
    }

    private static int WriteUntilKilled(string path)
    {
        // The weaker durability mode: the claim under test is that an acknowledged write survives a killed process
        // even without an fsync per commit.
        var store = new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = path, Durability = EmbeddedDurability.ProcessCrash });
        var collection = store.GetCollection(CollectionName);
        collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(Dimension)).GetAwaiter().GetResult();
        var random = new Random(Environment.ProcessId);
        Console.WriteLine("ready");
        for (long batch = 0; ; batch++)
        {
            var records = Enumerable.Range(0, BatchSize)
                .Select(_ => new VectorRecord(
                    Guid.NewGuid(),
                    Enumerable.Range(0, Dimension).Select(_ => (float)random.NextDouble() - 0.5f).ToArray(),
                    new Dictionary<string, object> { ["batch"] = batch }))
                .ToList();
            collection.UpsertAsync(records).GetAwaiter().GetResult();

            // Console output to a pipe is flushed on every write, so a printed line was acknowledged before it left.
            Console.WriteLine(string.Join(' ', records.Select(r => r.Id.ToString("N", CultureInfo.InvariantCulture))));
        }
    }
}
