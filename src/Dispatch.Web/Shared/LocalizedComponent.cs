using Microsoft.AspNetCore.Components;

namespace Dispatch.Web.Shared;

/// <summary>A component with labels: re-renders when the language is switched (the layout cascades it).</summary>
public abstract class LocalizedComponent : ComponentBase
{
    [Inject]
    protected Labels L { get; set; } = null!;

    [CascadingParameter(Name = "Language")]
    protected bool English { get; set; }
}
