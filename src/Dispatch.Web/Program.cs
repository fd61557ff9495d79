using Dispatch.Web;
using Dispatch.Web.Board;
using Dispatch.Web.Household;
using Dispatch.Web.Shared;
using Dispatch.Web.Volunteer;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");

// One phone, one user: the services live as long as the page.
builder.Services.AddSingleton<LocalStore>();
builder.Services.AddSingleton<Labels>();
builder.Services.AddSingleton<DispatchClients>();
builder.Services.AddSingleton<RouteFeed>();
builder.Services.AddSingleton<ReportOutbox>();
builder.Services.AddSingleton<BoardFeed>();
builder.Services.AddSingleton<OrderFeed>();
await builder.Build().RunAsync();
