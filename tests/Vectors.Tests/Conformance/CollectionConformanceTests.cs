namespace Baize.Vectors.Tests.Conformance;

/// <summary>Creating, checking and deleting collections, and the errors for missing collections and bad vectors.</summary>
public abstract class CollectionConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    [Fact]
    public async Task A_collection_exists_after_it_is_ensured_and_not_after_it_is_deleted()
    {
        var collection = Store.GetCollection(UniqueName("lifecycle"));
        Assert.False(await collection.CollectionExistsAsync(Token));

        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);
        Assert.True(await collection.CollectionExistsAsync(Token));
        Assert.Contains(collection.Name, await Store.ListCollectionNamesAsync(Token));

        await collection.EnsureCollectionDeletedAsync(Token);
        Assert.False(await collection.CollectionExistsAsync(Token));
        Assert.DoesNotContain(collection.Name, await Store.ListCollectionNamesAsync(Token));
    }

    [Fact]
    public async Task Ensuring_an_existing_collection_again_keeps_its_points()
    {
        var collection = await CreateCollectionAsync("again");
        await collection.UpsertAsync([Point(Guid.NewGuid(), [1, 0, 0, 0])], Token);

        await collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4), Token);

        Assert.Equal(1, await collection.CountAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task Ensuring_a_collection_with_another_dimension_or_distance_is_a_conflict()
    {
        var collection = await CreateCollectionAsync("conflict", dimension: 4, distance: DistanceFunction.Cosine);

        await ThrowsStoreErrorAsync(VectorStoreErrorKind.Conflict, () => collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(8), Token));
        await ThrowsStoreErrorAsync(
            VectorStoreErrorKind.Conflict,
            () => collection.EnsureCollectionExistsAsync(new VectorCollectionDefinition(4, DistanceFunction.DotProduct), Token));
    }

    [Fact]
    public async Task Deleting_a_missing_collection_is_not_an_error()
    {
        var collection = Store.GetCollection(UniqueName("never"));

        await collection.EnsureCollectionDeletedAsync(Token);

        Assert.False(await collection.CollectionExistsAsync(Token));
    }

    [Fact]
    public async Task Collection_names_are_listed_in_ordinal_order()
    {
        var first = await CreateCollectionAsync("list-b");
        var second = await CreateCollectionAsync("list-a");

        var names = await Store.ListCollectionNamesAsync(Token);

        Assert.Contains(first.Name, names);
        Assert.Contains(second.Name, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public async Task Every_point_operation_on_a_missing_collection_is_not_found()
    {
        var missing = Store.GetCollection(UniqueName("missing"));
        var id = Guid.NewGuid();

        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.UpsertAsync([Point(id, [1, 0, 0, 0])], Token));
        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.GetAsync([id], cancellationToken: Token));
        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.SearchAsync(new float[] { 1, 0, 0, 0 }, 3, cancellationToken: Token));
        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.CountAsync(cancellationToken: Token));
        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.ScrollAsync(null, 10, cancellationToken: Token));
        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => missing.DeleteAsync([id], Token));
    }

    [Fact]
    public async Task A_vector_of_the_wrong_length_is_refused_with_both_lengths_in_the_message()
    {
        var collection = await CreateCollectionAsync("wrong-dimension", dimension: 4);

        var upsert = await ThrowsStoreErrorAsync(
            VectorStoreErrorKind.InvalidRequest, () => collection.UpsertAsync([Point(Guid.NewGuid(), [1, 0, 0])], Token));
        var search = await ThrowsStoreErrorAsync(
            VectorStoreErrorKind.InvalidRequest, () => collection.SearchAsync(new float[] { 1, 0, 0, 0, 0 }, 3, cancellationToken: Token));

        Assert.Contains("4", upsert.Message, StringComparison.Ordinal);
        Assert.Contains("3", upsert.Message, StringComparison.Ordinal);
        Assert.Contains("5", search.Message, StringComparison.Ordinal);
        Assert.Equal(0, await collection.CountAsync(cancellationToken: Token));
    }

    [Fact]
    public async Task A_payload_value_of_an_unsupported_type_is_refused()
    {
        var collection = await CreateCollectionAsync("bad-payload");

        await ThrowsStoreErrorAsync(
            VectorStoreErrorKind.InvalidRequest,
            () => collection.UpsertAsync([Point(Guid.NewGuid(), [1, 0, 0, 0], ("when", DateTime.UnixEpoch))], Token));

        Assert.Equal(0, await collection.CountAsync(cancellationToken: Token));
    }
}
