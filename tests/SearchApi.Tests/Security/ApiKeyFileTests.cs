using System.Net;
using Baize.SearchApi.Security;

namespace Baize.SearchApi.Tests.Security;

public sealed class ApiKeyFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("baize-keys-");

    private string KeysPath => Path.Combine(_folder.FullName, "data", "api-keys.json");

    [Fact]
    public void Creates_three_random_keys_with_the_three_roles()
    {
        var keys = ApiKeyFile.LoadOrCreate(KeysPath);

        Assert.True(File.Exists(KeysPath));
        Assert.Equal([ApiRoles.Search, ApiRoles.Ingest, ApiRoles.Admin], keys.Select(key => Assert.Single(key.Roles)));
        Assert.Equal(3, keys.Select(key => key.Key).Distinct().Count());
        // 32 random bytes in base64url: 43 characters of A-Z a-z 0-9 - _.
        Assert.All(keys, key => Assert.Matches("^[A-Za-z0-9_-]{43}$", key.Key));
        Assert.All(keys, key => Assert.False(string.IsNullOrEmpty(key.Name)));
    }

    [Fact]
    public void Loads_the_same_keys_the_second_time()
    {
        var first = ApiKeyFile.LoadOrCreate(KeysPath);
        var second = ApiKeyFile.LoadOrCreate(KeysPath);

        Assert.Equal(first.Select(key => (key.Name, key.Key)), second.Select(key => (key.Name, key.Key)));
    }

    [Fact]
    public void The_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes only");
            return;
        }

        ApiKeyFile.LoadOrCreate(KeysPath);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeysPath));
    }

    [Fact]
    public async Task Keys_from_the_file_authenticate()
    {
        var keys = ApiKeyFile.LoadOrCreate(KeysPath);
        var admin = keys.Single(key => key.Roles.Contains(ApiRoles.Admin));
        var search = keys.Single(key => key.Roles.Contains(ApiRoles.Search));
        await using var app = await TestApiHost.StartAsync(ApiKeyFile.ToConfiguration(keys));

        using var deleted = await app.SendAsync(HttpMethod.Delete, "/collections/1", admin.Key);
        using var forbidden = await app.SendAsync(HttpMethod.Delete, "/collections/1", search.Key);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public void A_file_without_keys_is_refused_rather_than_turning_authentication_off()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeysPath)!);
        File.WriteAllText(KeysPath, """{ "Auth": { "Keys": [] } }""");

        var error = Assert.Throws<InvalidDataException>(() => ApiKeyFile.LoadOrCreate(KeysPath));

        Assert.Contains(KeysPath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
