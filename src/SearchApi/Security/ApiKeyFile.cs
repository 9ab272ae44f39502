using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Baize.SearchApi.Security;

/// <summary>
/// The demo keys file (e.g. <c>data/api-keys.json</c>), in the shape of the "Auth" configuration section, so a host
/// can also add it as a configuration source: <c>{ "Auth": { "Keys": [ { "Key", "Roles", "Name" } ] } }</c>.
/// </summary>
public static class ApiKeyFile
{
    /// <summary>Loads the keys in <paramref name="path"/>, or creates the file with one fresh search, ingest and admin key.</summary>
    public static IReadOnlyList<ApiKeyEntry> LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            CreateUnlessExists(full, [NewKey(ApiRoles.Search), NewKey(ApiRoles.Ingest), NewKey(ApiRoles.Admin)]);
        }

        return Load(full);
    }

    /// <summary>The keys as configuration entries (<c>Auth:Keys:0:Key</c> …), for <c>AddInMemoryCollection</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToConfiguration(IEnumerable<ApiKeyEntry> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var index = 0;
        foreach (var key in keys)
        {
            var prefix = $"{AuthOptions.Section}:Keys:{index++}";
            yield return new($"{prefix}:Key", key.Key);
            yield return new($"{prefix}:Name", key.Name);
            for (var role = 0; role < key.Roles.Count; role++)
            {
                yield return new($"{prefix}:Roles:{role}", key.Roles[role]);
            }
        }
    }

    private static ApiKeyEntry NewKey(string role)
    {
        var entry = new ApiKeyEntry { Key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)), Name = $"demo-{role}" };
        entry.Roles.Add(role);
        return entry;
    }

    // Read through the configuration binder, the same way the host reads the "Auth" section.
    private static IReadOnlyList<ApiKeyEntry> Load(string path)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
        var options = new AuthOptions();
        configuration.GetSection(AuthOptions.Section).Bind(options);
        // An empty file would silently turn authentication off.
        return options.Keys.Count > 0
            ? [.. options.Keys]
            : throw new InvalidDataException($"{path} holds no API keys under {AuthOptions.Section}:Keys; delete it to have new ones made.");
    }

    // Written to a private temporary file and moved into place, so a reader never sees half a file and a
    // concurrent creator's keys win rather than being overwritten.
    private static void CreateUnlessExists(string path, IReadOnlyList<ApiKeyEntry> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        var stream = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            stream.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, stream))
        using (var json = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
        {
            Write(json, keys);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }

    private static void Write(Utf8JsonWriter json, IReadOnlyList<ApiKeyEntry> keys)
    {
        json.WriteStartObject();
        json.WriteStartObject(AuthOptions.Section);
        json.WriteStartArray("Keys");
        foreach (var key in keys)
        {
            json.WriteStartObject();
            json.WriteString("Name", key.Name);
            json.WriteString("Key", key.Key);
            json.WriteStartArray("Roles");
            foreach (var role in key.Roles)
            {
                json.WriteStringValue(role);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
