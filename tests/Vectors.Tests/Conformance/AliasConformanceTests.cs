namespace Baize.Vectors.Tests.Conformance;

/// <summary>Aliases: created and re-pointed by one switch, resolved by every collection operation, removed with
/// their collection, and never allowed to shadow a collection.</summary>
public abstract class AliasConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    [Fact]
    public async Task An_alias_resolves_to_its_collection_for_reads_and_writes()
    {
        var collection = await CreateCollectionAsync("target");
        var alias = UniqueAlias("resolve");

        await Store.SwitchAliasAsync(alias, collection.Name, Token);
        var viaAlias = Store.GetCollection(alias);
        var id = Guid.NewGuid();
        await viaAlias.UpsertAsync([Point(id, [1, 0, 0, 0], ("via", "alias"))], Token);

        Assert.Equal(collection.Name, await Store.GetAliasTargetAsync(alias, Token));
        Assert.True(await viaAlias.CollectionExistsAsync(Token));
        Assert.Equal(1, await collection.CountAsync(cancellationToken: Token));
        Assert.Equal(id, Assert.Single(await viaAlias.SearchAsync(new float[] { 1, 0, 0, 0 }, 3, cancellationToken: Token)).Record.Id);
        Assert.DoesNotContain(alias, await Store.ListCollectionNamesAsync(Token));
    }

    [Fact]
    public async Task Switching_an_alias_again_repoints_it()
    {
        var blue = await CreateCollectionAsync("blue");
        var green = await CreateCollectionAsync("green");
        var (blueId, greenId) = (Guid.NewGuid(), Guid.NewGuid());
        await blue.UpsertAsync([Point(blueId, [1, 0, 0, 0])], Token);
        await green.UpsertAsync([Point(greenId, [1, 0, 0, 0])], Token);
        var alias = UniqueAlias("switch");
        var live = Store.GetCollection(alias);

        await Store.SwitchAliasAsync(alias, blue.Name, Token);
        var before = await live.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, cancellationToken: Token);
        await Store.SwitchAliasAsync(alias, green.Name, Token);
        var after = await live.SearchAsync(new float[] { 1, 0, 0, 0 }, 5, cancellationToken: Token);

        Assert.Equal([blueId], before.Select(h => h.Record.Id));
        Assert.Equal([greenId], after.Select(h => h.Record.Id));
        Assert.Equal(green.Name, await Store.GetAliasTargetAsync(alias, Token));
    }

    [Fact]
    public async Task Deleting_an_alias_keeps_the_collection()
    {
        var collection = await CreateCollectionAsync("kept");
        var alias = UniqueAlias("delete");
        await Store.SwitchAliasAsync(alias, collection.Name, Token);

        await Store.DeleteAliasAsync(alias, Token);
        await Store.DeleteAliasAsync(alias, Token);

        Assert.Null(await Store.GetAliasTargetAsync(alias, Token));
        Assert.False(await Store.GetCollection(alias).CollectionExistsAsync(Token));
        Assert.True(await collection.CollectionExistsAsync(Token));
    }

    [Fact]
    public async Task An_alias_to_a_missing_collection_is_not_found()
    {
        var alias = UniqueAlias("dangling");

        await ThrowsStoreErrorAsync(VectorStoreErrorKind.NotFound, () => Store.SwitchAliasAsync(alias, UniqueName("absent"), Token));

        Assert.Null(await Store.GetAliasTargetAsync(alias, Token));
    }

    [Fact]
    public async Task An_alias_with_the_name_of_a_collection_is_a_conflict()
    {
        var existing = await CreateCollectionAsync("taken");
        var target = await CreateCollectionAsync("other");

        await ThrowsStoreErrorAsync(VectorStoreErrorKind.Conflict, () => Store.SwitchAliasAsync(existing.Name, target.Name, Token));

        Assert.Null(await Store.GetAliasTargetAsync(existing.Name, Token));
    }

    [Fact]
    public async Task Deleting_a_collection_removes_the_aliases_that_point_at_it()
    {
        var collection = await CreateCollectionAsync("doomed");
        var alias = UniqueAlias("orphan");
        await Store.SwitchAliasAsync(alias, collection.Name, Token);

        await collection.EnsureCollectionDeletedAsync(Token);

        Assert.Null(await Store.GetAliasTargetAsync(alias, Token));
        Assert.False(await Store.GetCollection(alias).CollectionExistsAsync(Token));
    }
}
