using Baize.Vectors.Filters;
using Baize.Vectors.Qdrant.Tests.Support;

namespace Baize.Vectors.Qdrant.Tests;

/// <summary>Every Baize filter condition, written as the Qdrant filter JSON it means.</summary>
public sealed class QdrantFilterTranslatorTests
{
    private static readonly Guid First = Guid.Parse("0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e");
    private static readonly Guid Second = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    [Fact]
    public void Match_writes_strings_integers_and_booleans_as_values()
    {
        var filter = VectorFilter.All(new MatchCondition("city", "London"), new MatchCondition("year", 2021L), new MatchCondition("rank", 3), new MatchCondition("active", false));

        JsonAssert.Equal(
            """
            {"must":[{"key":"city","match":{"value":"London"}},{"key":"year","match":{"value":2021}},
                     {"key":"rank","match":{"value":3}},{"key":"active","match":{"value":false}}]}
            """,
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void Match_any_writes_a_list_of_strings_or_of_integers()
    {
        var filter = VectorFilter.All(new MatchAnyCondition("city", ["Paris", "Berlin"]), new MatchAnyCondition("year", [2019L, 2020]));

        JsonAssert.Equal(
            """{"must":[{"key":"city","match":{"any":["Paris","Berlin"]}},{"key":"year","match":{"any":[2019,2020]}}]}""",
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void Match_any_over_mixed_types_or_booleans_becomes_a_should_of_values()
    {
        var filter = VectorFilter.All(new MatchAnyCondition("code", ["A", 7L, true]));

        JsonAssert.Equal(
            """
            {"must":[{"should":[{"key":"code","match":{"value":"A"}},{"key":"code","match":{"value":7}},
                                {"key":"code","match":{"value":true}}]}]}
            """,
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void Match_any_of_nothing_stays_an_empty_any_which_matches_nothing()
    {
        JsonAssert.Equal(
            """{"must":[{"key":"city","match":{"any":[]}}]}""",
            QdrantFilterTranslator.Translate(VectorFilter.All(new MatchAnyCondition("city", []))));
    }

    [Fact]
    public void Range_writes_only_the_bounds_given()
    {
        var filter = VectorFilter.All(
            new RangeCondition("year", GreaterThanOrEqual: 2020, LessThan: 2022),
            new RangeCondition("score", GreaterThan: 1.5, LessThanOrEqual: 3.25));

        JsonAssert.Equal(
            """{"must":[{"key":"year","range":{"gte":2020,"lt":2022}},{"key":"score","range":{"gt":1.5,"lte":3.25}}]}""",
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void Has_id_writes_uuid_strings()
    {
        JsonAssert.Equal(
            """{"must":[{"has_id":["0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e","7c9e6679-7425-40de-944b-e07fc1f90ae7"]}]}""",
            QdrantFilterTranslator.Translate(VectorFilter.All(new HasIdCondition([First, Second]))));
    }

    [Fact]
    public void Should_and_must_not_become_their_clauses_and_empty_clauses_are_left_out()
    {
        var filter = new VectorFilter
        {
            Should = [new MatchCondition("city", "Paris"), new MatchCondition("year", 2019L)],
            MustNot = [new MatchCondition("city", "London")],
        };

        JsonAssert.Equal(
            """
            {"should":[{"key":"city","match":{"value":"Paris"}},{"key":"year","match":{"value":2019}}],
             "must_not":[{"key":"city","match":{"value":"London"}}]}
            """,
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void A_nested_filter_is_written_inline_as_a_condition()
    {
        var parisOrBerlin = new VectorFilter { Should = [new MatchCondition("city", "Paris"), new MatchCondition("city", "Berlin")] };
        var filter = new VectorFilter
        {
            Must = [new NestedFilterCondition(parisOrBerlin), new RangeCondition("year", GreaterThanOrEqual: 2020)],
            MustNot = [new NestedFilterCondition(new VectorFilter { MustNot = [new HasIdCondition([First])] })],
        };

        JsonAssert.Equal(
            """
            {"must":[{"should":[{"key":"city","match":{"value":"Paris"}},{"key":"city","match":{"value":"Berlin"}}]},
                     {"key":"year","range":{"gte":2020}}],
             "must_not":[{"must_not":[{"has_id":["0b6f3c1e-8a52-4f0e-9d4c-1f2a3b4c5d6e"]}]}]}
            """,
            QdrantFilterTranslator.Translate(filter));
    }

    [Fact]
    public void An_empty_filter_is_an_empty_object()
    {
        Assert.True(QdrantFilterTranslator.IsEmpty(new VectorFilter()));
        Assert.True(QdrantFilterTranslator.IsEmpty(null));
        JsonAssert.Equal("{}", QdrantFilterTranslator.Translate(new VectorFilter()));
    }

    [Theory]
    [InlineData("modality", "modality")]
    [InlineData("snake_case-and-dash9", "snake_case-and-dash9")]
    [InlineData("a.b", "\"a.b\"")]
    [InlineData("tags[]", "\"tags[]\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("café", "\"café\"")]
    public void Keys_that_qdrant_would_read_as_paths_are_quoted(string key, string path) =>
        Assert.Equal(path, QdrantFilterTranslator.FieldPath(key));

    [Theory]
    [InlineData("say \"hi\"")]
    [InlineData("back\\slash")]
    [InlineData("")]
    public void Keys_that_cannot_be_quoted_are_refused(string key)
    {
        var error = Assert.Throws<VectorStoreException>(() => QdrantFilterTranslator.Translate(VectorFilter.All(new MatchCondition(key, "x"))));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
    }

    [Fact]
    public void A_match_on_a_floating_point_value_is_refused_with_a_hint()
    {
        var error = Assert.Throws<VectorStoreException>(() => QdrantFilterTranslator.Translate(VectorFilter.All(new MatchCondition("score", 1.5))));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
        Assert.Contains("range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_bound_that_is_not_finite_is_refused()
    {
        var error = Assert.Throws<VectorStoreException>(
            () => QdrantFilterTranslator.Translate(VectorFilter.All(new RangeCondition("score", GreaterThan: double.NaN))));

        Assert.Equal(VectorStoreErrorKind.InvalidRequest, error.Kind);
    }
}
