namespace Baize.Vectors;

public enum VectorStoreErrorKind
{
    /// <summary>The collection or alias does not exist.</summary>
    NotFound,

    /// <summary>A collection of that name exists with another definition, or an alias would shadow a collection.</summary>
    Conflict,

    /// <summary>The request itself is wrong: a vector of the wrong length, an unsupported payload value, a bad name.</summary>
    InvalidRequest,

    /// <summary>The store refused the credentials.</summary>
    Unauthorized,

    /// <summary>The store is unreachable or failed; retrying later may succeed.</summary>
    Unavailable,
}
