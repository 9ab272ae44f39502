using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Baize.SearchApi.Security;

/// <summary>
/// The configured keys, held as SHA-256 hashes. Comparing fixed-length hashes with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>, over every key without stopping at a match, leaks neither
/// how much of a key was right nor which key matched. Keys are read once; changing them needs a restart.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly (byte[] Hash, ApiKeyEntry Entry)[] _keys;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Value.Keys.Select(entry => (Hash(entry.Key), entry))];
    }

    /// <summary>False when no key is configured: authentication is off.</summary>
    public bool Enabled => _keys.Length > 0;

    public ApiKeyEntry? Find(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var hash = Hash(presented);
        ApiKeyEntry? match = null;
        foreach (var (candidate, entry) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, candidate))
            {
                match = entry;
            }
        }

        return match;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
