using CarbonDerivatives.Api.Storage;
using CarbonDerivatives.Tests.Support;
using Xunit;

namespace CarbonDerivatives.Tests.Api;

/// <summary>The PostgreSQL store on a throwaway server: what is written reads back, and two stores share one database.</summary>
public sealed class PostgresDocumentStoreTests
{
    [Fact]
    public void PostgresDocumentStore_PutOverwriteDelete_ReadsBackWhatWasWrittenThroughAnotherStoreOnTheSameDatabase()
    {
        string database = ThrowawayPostgres.Instance.NewDatabase();
        using var node1 = new PostgresDocumentStore(database);
        using var node2 = new PostgresDocumentStore(database);

        node1.Put("snapshot", "b", [1, 2, 3]);
        node1.Put("snapshot", "a", [0, 255]);
        node1.Put("spec", "a", [9]);
        node1.Put("snapshot", "b", [4]);

        Assert.Equal([4], node2.Get("snapshot", "b"));
        Assert.Equal(["a", "b"], node2.All("snapshot").Select(d => d.Id));
        Assert.Equal([0, 255], node2.All("snapshot")[0].Body);
        Assert.True(node2.Delete("snapshot", "a"));
        Assert.False(node1.Delete("snapshot", "a"));
        Assert.Null(node1.Get("snapshot", "a"));
        Assert.Equal([9], node1.Get("spec", "a"));
    }
}
