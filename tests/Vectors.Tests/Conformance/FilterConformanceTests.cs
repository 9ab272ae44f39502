using Baize.Vectors.Filters;

namespace Baize.Vectors.Tests.Conformance;

/// <summary>Filter semantics (Qdrant's), checked through scroll so that every backend is held to the same answers.</summary>
public abstract class FilterConformanceTests<TFactory> : ConformanceTestBase<TFactory>
    where TFactory : IVectorStoreFactory, new()
{
    private readonly Guid _london2020 = Guid.NewGuid();
    private readonly Guid _paris2021 = Guid.NewGuid();
    private readonly Guid _berlin2019 = Guid.NewGuid();
    private readonly Guid _london2022 = Guid.NewGuid();
    private readonly Guid _bare = Guid.NewGuid();

    [Fact]
    public async Task Match_compares_strings_integers_and_booleans()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_london2020, _london2022), await MatchingAsync(collection, Must(new MatchCondition("city", "London"))));
        Assert.Equal(Ids(_paris2021), await MatchingAsync(collection, Must(new MatchCondition("year", 2021L))));
        Assert.Equal(Ids(_paris2021), await MatchingAsync(collection, Must(new MatchCondition("active", false))));
        Assert.Empty(await MatchingAsync(collection, Must(new MatchCondition("city", "london"))));
        Assert.Empty(await MatchingAsync(collection, Must(new MatchCondition("nowhere", "London"))));
    }

    [Fact]
    public async Task Conditions_on_a_list_field_hold_when_any_element_matches()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_london2020, _london2022), await MatchingAsync(collection, Must(new MatchCondition("tags", "blue"))));
        Assert.Equal(Ids(_london2022), await MatchingAsync(collection, Must(new RangeCondition("sizes", GreaterThanOrEqual: 3))));
        Assert.Equal(Ids(_london2020, _paris2021), await MatchingAsync(collection, Must(new MatchAnyCondition("tags", ["red", "green"]))));
    }

    [Fact]
    public async Task Match_any_holds_for_any_listed_value()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_paris2021, _berlin2019), await MatchingAsync(collection, Must(new MatchAnyCondition("city", ["Paris", "Berlin", "Rome"]))));
        Assert.Equal(Ids(_london2020, _berlin2019), await MatchingAsync(collection, Must(new MatchAnyCondition("year", [2019L, 2020L]))));
    }

    [Fact]
    public async Task Range_bounds_are_strict_or_inclusive_as_given_and_skip_non_numbers()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_london2020, _paris2021), await MatchingAsync(collection, Must(new RangeCondition("year", GreaterThanOrEqual: 2020, LessThan: 2022))));
        Assert.Equal(Ids(_berlin2019, _london2022), await MatchingAsync(collection, Must(new RangeCondition("score", GreaterThan: 1.5))));
        Assert.Equal(Ids(_london2020, _paris2021), await MatchingAsync(collection, Must(new RangeCondition("score", LessThanOrEqual: 1.5))));
        Assert.Empty(await MatchingAsync(collection, Must(new RangeCondition("city", GreaterThan: 0))));
    }

    [Fact]
    public async Task Has_id_selects_the_listed_points()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_paris2021, _bare), await MatchingAsync(collection, Must(new HasIdCondition([_paris2021, _bare, Guid.NewGuid()]))));
    }

    [Fact]
    public async Task Should_needs_one_condition_and_must_not_excludes_even_without_the_field()
    {
        var collection = await CitiesAsync();

        Assert.Equal(
            Ids(_paris2021, _berlin2019),
            await MatchingAsync(collection, new VectorFilter { Should = [new MatchCondition("city", "Paris"), new MatchCondition("year", 2019L)] }));
        Assert.Equal(
            Ids(_paris2021, _berlin2019, _bare),
            await MatchingAsync(collection, new VectorFilter { MustNot = [new MatchCondition("city", "London")] }));
        Assert.Equal(
            Ids(_london2020),
            await MatchingAsync(collection, new VectorFilter { Must = [new MatchCondition("tags", "blue")], MustNot = [new RangeCondition("year", GreaterThan: 2021)] }));
    }

    [Fact]
    public async Task Nested_filters_combine_or_inside_and()
    {
        var collection = await CitiesAsync();
        var parisOrBerlin = new VectorFilter { Should = [new MatchCondition("city", "Paris"), new MatchCondition("city", "Berlin")] };

        var filter = new VectorFilter { Must = [new NestedFilterCondition(parisOrBerlin), new RangeCondition("year", GreaterThanOrEqual: 2020)] };

        Assert.Equal(Ids(_paris2021), await MatchingAsync(collection, filter));
    }

    [Fact]
    public async Task An_empty_filter_matches_every_point()
    {
        var collection = await CitiesAsync();

        Assert.Equal(Ids(_london2020, _paris2021, _berlin2019, _london2022, _bare), await MatchingAsync(collection, new VectorFilter()));
        Assert.Equal(5, await collection.CountAsync(new VectorFilter(), Token));
    }

    private static VectorFilter Must(FilterCondition condition) => VectorFilter.All(condition);

    private static Guid[] Ids(params Guid[] ids) => [.. ids.Order()];

    private static async Task<Guid[]> MatchingAsync(VectorCollection collection, VectorFilter filter)
    {
        var page = await collection.ScrollAsync(filter, 100, cancellationToken: Token);
        Assert.Null(page.NextOffset);
        Assert.Equal(page.Records.Count, await collection.CountAsync(filter, Token));
        return [.. page.Records.Select(r => r.Id).Order()];
    }

    private async Task<VectorCollection> CitiesAsync()
    {
        var collection = await CreateCollectionAsync("filters");
        await collection.UpsertAsync(
            [
                Point(_london2020, [1, 0, 0, 0], ("city", "London"), ("year", 2020L), ("score", 0.5), ("active", true), ("tags", List("red", "blue"))),
                Point(_paris2021, [0, 1, 0, 0], ("city", "Paris"), ("year", 2021L), ("score", 1.5), ("active", false), ("tags", List("green"))),
                Point(_berlin2019, [0, 0, 1, 0], ("city", "Berlin"), ("year", 2019L), ("score", 2.5)),
                Point(_london2022, [0, 0, 0, 1], ("city", "London"), ("year", 2022L), ("score", 3.5), ("active", true), ("tags", List("blue")), ("sizes", List(1L, 2L, 3L))),
                Point(_bare, [1, 1, 0, 0]),
            ],
            Token);
        return collection;
    }
}
