using System.Globalization;

namespace Baize.Vectors.Embedded;

/// <summary>Checks names, definitions and vectors before anything is written, so a bad request changes nothing.</summary>
internal static class StoreValidation
{
    /// <summary>Long enough for any real name, short enough to stay a sensible key (Qdrant allows 255 bytes).</summary>
    public const int MaxNameLength = 255;

    /// <summary>Far beyond any encoder here; it keeps one vector's row well inside a SQLite page budget.</summary>
    public const int MaxDimension = 65_536;

    public static void Name(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Invalid($"A {what} name must not be empty.");
        }

        if (name.Length > MaxNameLength)
        {
            throw Invalid($"The {what} name '{name[..20]}...' has {name.Length} characters; at most {MaxNameLength} are allowed.");
        }

        // '/' would break REST paths in other backends; control characters (NUL above all) break files and logs.
        if (name.Any(c => c == '/' || char.IsControl(c)))
        {
            throw Invalid($"The {what} name '{name.Replace("\0", "\\0", StringComparison.Ordinal)}' contains '/' or a control character.");
        }
    }

    public static void Definition(VectorCollectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Dimension is < 1 or > MaxDimension)
        {
            throw Invalid($"A collection's dimension must be between 1 and {MaxDimension}, not {definition.Dimension}.");
        }

        if (!Enum.IsDefined(definition.Distance) || !Enum.IsDefined(definition.Quantization))
        {
            throw Invalid($"Unknown distance {definition.Distance} or quantization {definition.Quantization}.");
        }
    }

    /// <summary>The vector has the collection's dimension and only finite values.</summary>
    public static void Vector(ReadOnlySpan<float> vector, int dimension, string collection, string what)
    {
        if (vector.Length != dimension)
        {
            throw Invalid($"The {what} has {vector.Length} dimensions; collection '{collection}' expects {dimension} (expected {dimension}, actual {vector.Length}).");
        }

        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
            {
                throw Invalid($"The {what} contains {value.ToString(CultureInfo.InvariantCulture)}; only finite values can be stored or searched.");
            }
        }
    }

    public static VectorStoreException Invalid(string message) => new(VectorStoreErrorKind.InvalidRequest, message);

    public static VectorStoreException NotFound(string name) =>
        new(VectorStoreErrorKind.NotFound, $"Collection '{name}' does not exist (neither a collection nor an alias of that name).");
}
