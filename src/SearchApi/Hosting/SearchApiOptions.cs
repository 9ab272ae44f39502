using System.ComponentModel.DataAnnotations;

namespace Baize.SearchApi.Hosting;

/// <summary>Where the API finds its models and keeps its data; bound from the "SearchApi" configuration section.</summary>
public sealed class SearchApiOptions
{
    public const string Section = "SearchApi";

    /// <summary>The models/ tree: &lt;modality&gt;/&lt;version&gt;/ folders and an active.json per modality.</summary>
    [Required]
    public string ModelsFolder { get; set; } = "models";

    /// <summary>Local data: media, index and job state (used from the search step on).</summary>
    [Required]
    public string DataFolder { get; set; } = "data";
}
