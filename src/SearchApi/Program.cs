using Baize.SearchApi.Hosting;

await SearchApiApplication.Build(args).RunAsync();
