using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Baize.TestSupport;

namespace Baize.Indexer.Tests.Support;

/// <summary>
/// <c>dotnet Baize.Cli.dll serve --role ROLE</c> as a separate process, configured through environment variables
/// (serve builds its own argument list, and ASP.NET Core reads the environment), with stdout and stderr captured to a file.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    private ServeProcess(string name, Process process, StreamWriter log, string logPath, Uri address)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        Address = address;
    }

    public string Name { get; }

    public Uri Address { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public static ServeProcess Start(string name, string role, string workingFolder, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var startInfo = new ProcessStartInfo(DotnetHost.Path)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Launcher.Dll, "serve", "--role", role, "--urls", address.ToString().TrimEnd('/'), "--models", RepositoryPaths.ShippedModels })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var logPath = Path.Combine(workingFolder, $"{name}.log");
        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var serve = new ServeProcess(name, process, log, logPath, address);
        process.OutputDataReceived += (_, line) => serve.Write("out", line.Data);
        process.ErrorDataReceived += (_, line) => serve.Write("err", line.Data);
        serve.Write("test", $"starting {startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200; fails early when the process exits.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var step = TimeSpan.FromMilliseconds(250);
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromMinutes(4); waited += step)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/health/ready"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(step, cancellationToken);
        }

        throw new TimeoutException($"{Name} did not become ready at {Address}.");
    }

    /// <summary>SIGKILL, the whole process tree: no shutdown hooks, no acknowledgements, no flushing.</summary>
    public void Kill()
    {
        Write("test", "killing the process (SIGKILL)");
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>The last lines of the captured output.</summary>
    public string Tail(int lines = 150)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return $"----- {Name} ({LogPath}), last {Math.Min(lines, all.Length)} lines -----\n{string.Join('\n', all.TakeLast(lines))}";
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        lock (_logLock)
        {
            _log.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Write(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            try
            {
                _log.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{stream}] {line}");
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
