using Microsoft.JSInterop;

namespace Dispatch.Web.Shared;

/// <summary>The phone's localStorage: what must survive a reload or a lost connection (sign-in, last route, unsent reports).</summary>
public sealed class LocalStore(IJSRuntime js)
{
    public ValueTask<string?> GetAsync(string key) => js.InvokeAsync<string?>("localStorage.getItem", key);

    public ValueTask SetAsync(string key, string value) => js.InvokeVoidAsync("localStorage.setItem", key, value);

    public ValueTask RemoveAsync(string key) => js.InvokeVoidAsync("localStorage.removeItem", key);
}
