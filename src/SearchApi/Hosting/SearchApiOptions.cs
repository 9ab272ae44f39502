using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Hosting;

/// <summary>Where the API finds its models; bound from the "SearchApi" configuration section.</summary>
public sealed class SearchApiOptions
{
    public const string Section = "SearchApi";

    /// <summary>The models/ tree: &lt;modality&gt;/&lt;version&gt;/ folders and an active.json per modality.</summary>
    [Required]
    public string ModelsFolder { get; set; } = "models";
}
