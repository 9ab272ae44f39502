using System.Globalization;
using System.Text;

namespace Baize.Vectors.Qdrant;

/// <summary>Collection and alias names: checked before any request, and escaped into URL paths.</summary>
internal static class QdrantNames
{
    /// <summary>Qdrant stores a collection as a folder named after it, so a name is at most 255 bytes.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>
    /// Refuses names Qdrant refuses or a URL path cannot carry, before any request: empty or blank names, names over
    /// 255 UTF-8 bytes, '/' and control characters (NUL above all), and "." or ".." (which path normalisation would
    /// swallow). Every other character is escaped into the path.
    /// </summary>
    /// <exception cref="VectorStoreException">The name is not valid.</exception>
    public static string Check(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid($"A {what} name must not be empty.");
        }

        var bytes = Encoding.UTF8.GetByteCount(name);
        if (bytes > MaxNameBytes)
        {
            throw Invalid(string.Create(
                CultureInfo.InvariantCulture, $"The {what} name '{name[..20]}...' has {bytes} bytes; Qdrant allows at most {MaxNameBytes}."));
        }

        if (name.Any(c => c == '/' || char.IsControl(c)))
        {
            throw Invalid($"The {what} name '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' contains '/' or a control character, which Qdrant does not allow.");
        }

        if (name is "." or "..")
        {
            throw Invalid($"The {what} name '{name}' cannot be used: a URL path cannot carry it.");
        }

        return name;
    }

    /// <summary>The name as one escaped URL path segment.</summary>
    public static string Escape(string name) => Uri.EscapeDataString(name);

    private static VectorStoreException Invalid(string message) => new(VectorStoreErrorKind.InvalidRequest, message);
}
