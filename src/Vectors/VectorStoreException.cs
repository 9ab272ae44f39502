namespace Baize.Vectors;

/// <summary>A store refused or failed an operation; <see cref="Kind"/> says whose fault it was.</summary>
public sealed class VectorStoreException : Exception
{
    public VectorStoreException(VectorStoreErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public VectorStoreErrorKind Kind { get; }
}
