namespace Baize.Vectors.Embedded;

/// <summary>The collections and aliases as of one read of the database; replaced whole, never changed.</summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, CollectionEntry> _collections;
    private readonly Dictionary<string, string> _aliases;

    public CatalogSnapshot(IEnumerable<CollectionEntry> collections, IEnumerable<KeyValuePair<string, string>> aliases)
    {
        _collections = collections.ToDictionary(c => c.Name, StringComparer.Ordinal);
        _aliases = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
        CollectionNames = [.. _collections.Keys.Order(StringComparer.Ordinal)];
        Ids = _collections.Values.Select(c => c.Id).ToHashSet();
    }

    public IReadOnlyList<string> CollectionNames { get; }

    public IReadOnlySet<long> Ids { get; }

    /// <summary>The collection called <paramref name="name"/>, or the one the alias of that name points at.</summary>
    public CollectionEntry? Resolve(string name) =>
        _collections.TryGetValue(name, out var entry) ? entry
        : _aliases.TryGetValue(name, out var target) ? _collections.GetValueOrDefault(target)
        : null;

    public string? AliasTarget(string alias) => _aliases.GetValueOrDefault(alias);
}
