using Baize.Corpus.Samples;

namespace Baize.Corpus.Tests.Samples;

public sealed class SceneAttributesTests
{
    private static readonly SceneItem RedSneakerLeft = new("Sneaker", "red", "left", "small");
    private static readonly SceneItem BlueBagRight = new("Bag", "blue", "right", "large");

    [Fact]
    public void Same_items_are_relevant_whatever_their_order_size_and_background()
    {
        var scene = new SceneAttributes([RedSneakerLeft, BlueBagRight], "dark", null);
        var other = new SceneAttributes([BlueBagRight with { Size = "small" }, RedSneakerLeft with { Size = "large" }], "noise", null);

        Assert.True(scene.IsRelevantTo(other));
        Assert.True(other.IsRelevantTo(scene));
    }

    [Fact]
    public void A_different_colour_category_or_position_is_not_relevant()
    {
        var scene = new SceneAttributes([RedSneakerLeft], "dark", null);

        Assert.False(scene.IsRelevantTo(new SceneAttributes([RedSneakerLeft with { Colour = "green" }], "dark", null)));
        Assert.False(scene.IsRelevantTo(new SceneAttributes([RedSneakerLeft with { Category = "Bag" }], "dark", null)));
        Assert.False(scene.IsRelevantTo(new SceneAttributes([RedSneakerLeft with { Position = "right" }], "dark", null)));
    }

    [Fact]
    public void Items_count_as_a_multiset()
    {
        var one = new SceneAttributes([RedSneakerLeft], "dark", null);
        var two = new SceneAttributes([RedSneakerLeft, RedSneakerLeft], "dark", null);

        Assert.False(one.IsRelevantTo(two));
        Assert.False(two.IsRelevantTo(one));
    }

    [Fact]
    public void Motions_must_match_only_when_both_samples_move()
    {
        var still = new SceneAttributes([RedSneakerLeft], "dark", null);
        var movingRight = new SceneAttributes([RedSneakerLeft], "gradient", "right");
        var movingUp = new SceneAttributes([RedSneakerLeft], "gradient", "up");

        Assert.True(still.IsRelevantTo(movingRight));
        Assert.True(movingRight.IsRelevantTo(still));
        Assert.True(movingRight.IsRelevantTo(movingRight with { Background = "noise" }));
        Assert.False(movingRight.IsRelevantTo(movingUp));
    }

    [Fact]
    public void Equal_content_makes_equal_attributes()
    {
        var scene = new SceneAttributes([RedSneakerLeft, BlueBagRight], "dark", null);
        var copy = new SceneAttributes([RedSneakerLeft with { }, BlueBagRight with { }], "dark", null);

        Assert.Equal(scene, copy);
        Assert.Equal(scene.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(scene, copy with { Background = "noise" });
    }
}
