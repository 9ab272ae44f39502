using System.Diagnostics;
using Baize.TestSupport;
using Baize.Vectors.Embedded;
using Microsoft.Data.Sqlite;

namespace Baize.Vectors.Tests.Embedded;

/// <summary>A real kill -9 (SIGKILL) of a process in the middle of writing: every write it acknowledged is there
/// after reopening, and the file is intact and writable.</summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int BatchesBeforeKill = 40;
    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_acknowledged_upsert_survives_a_kill_9_mid_stream()
    {
        var path = _directory.File("crash.db");
        var acknowledged = new List<Guid>();
        using (var child = StartWriter(path))
        {
            // A writer that hangs fails the test instead of holding it forever; one that is left running is killed.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                var errors = child.StandardError.ReadToEndAsync(timeout.Token);
                var batches = 0;
                while (batches < BatchesBeforeKill)
                {
                    var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                        ?? throw new InvalidOperationException($"The writer stopped early: {await errors}");
                    if (line != "ready")
                    {
                        acknowledged.AddRange(line.Split(' ').Select(Guid.Parse));
                        batches++;
                    }
                }

                // Process.Kill sends SIGKILL on Unix: no handler, no flush, no finally block runs in the child.
                child.Kill();
                await child.WaitForExitAsync(timeout.Token);

                // Lines already in the pipe were printed after their upsert returned, so they are acknowledged too;
                // a half-written last line is not.
                var rest = await child.StandardOutput.ReadToEndAsync(timeout.Token);
                acknowledged.AddRange(rest.Split('\n')
                    .Where(l => l.Length == (CrashWriter.BatchSize * 33) - 1)
                    .SelectMany(l => l.Split(' ').Select(Guid.Parse)));
            }
            finally
            {
                if (!child.HasExited)
                {
                    child.Kill();
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledged.Count} points acknowledged before the kill.");
        Assert.Equal("ok", IntegrityCheck(path));
        await using var store = new EmbeddedVectorStore(new EmbeddedVectorStoreOptions { DatabasePath = path });
        var collection = store.GetCollection(CrashWriter.CollectionName);
        var found = await collection.GetAsync(acknowledged, cancellationToken: Token);
        var stored = await collection.CountAsync(cancellationToken: Token);
        TestContext.Current.TestOutputHelper?.WriteLine($"{stored} points stored after reopening.");
        Assert.Equal(acknowledged.Count, found.Count);
        Assert.True(stored >= acknowledged.Count);

        // The store goes on working on the recovered file.
        var after = new VectorRecord(Guid.NewGuid(), new float[CrashWriter.Dimension], Payload.Empty);
        await collection.UpsertAsync([after], Token);
        Assert.Single(await collection.GetAsync([after.Id], cancellationToken: Token));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Runs this test assembly again as the writer (see <see cref="CrashWriter"/>).</summary>
    private static Process StartWriter(string path)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CrashWriter).Assembly.Location);
        start.Environment[CrashWriter.DatabaseVariable] = path;
        return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
    }

    private static string IntegrityCheck(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }
}
