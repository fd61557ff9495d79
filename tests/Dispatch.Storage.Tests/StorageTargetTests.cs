using Dispatch.Domain.Geography;

namespace Dispatch.Storage.Tests;

public sealed class StorageTargetTests
{
    [Theory]
    [InlineData("pudong", "district_pudong")]
    [InlineData("jining-high-tech", "district_jining_high_tech")]
    [InlineData("d-1", "district_d_1")]
    public void A_lower_case_district_id_reads_back_in_its_schema(string district, string schema)
    {
        Assert.Equal(schema, DistrictSchema.For(new DistrictId(district)));
    }

    [Fact]
    public void District_ids_that_would_share_a_readable_schema_get_schemas_of_their_own()
    {
        string[] ids = ["a-b", "a_b", "A-b", "a.b", "徐汇", "x" + new string('y', 54), "x" + new string('y', 53) + "z", "x" + new string('y', 53), "districth-a"];

        var schemas = ids.Select(id => DistrictSchema.For(new DistrictId(id))).ToList();

        Assert.Equal(ids.Length, schemas.Distinct(StringComparer.Ordinal).Count());
        Assert.All(schemas, s => Assert.Null(StorageTarget.PostgresSchema.SchemaProblem(s)));
        Assert.Equal("district_a_b", schemas[0]);
        Assert.StartsWith("districth_a_b_", schemas[1], StringComparison.Ordinal);
        Assert.Equal(schemas[1], DistrictSchema.For(new DistrictId("a_b")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("1st")]
    [InlineData("pg_catalog")]
    [InlineData("with-dash")]
    [InlineData("quote\"d")]
    public void A_schema_name_that_is_not_plain_is_refused(string schema)
    {
        var refused = Assert.Throws<ArgumentException>(() => StorageTarget.Postgres("Host=127.0.0.1;Database=dispatch", schema));
        Assert.StartsWith("schema name", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_target_searches_its_schema_only_and_never_prints_the_password()
    {
        var target = (StorageTarget.PostgresSchema)StorageTarget.Postgres("Host=db.example;Port=5433;Username=dispatch;Password=s3cret;Database=city", "district_pudong");

        Assert.Contains("Search Path=district_pudong", target.ConnectionString, StringComparison.Ordinal);
        Assert.Equal("PostgresSchema { Host = db.example, Port = 5433, Database = city, Schema = district_pudong }", target.ToString());
        Assert.Throws<ArgumentException>(() => StorageTarget.Postgres("Host=h;Database=d;Search Path=public", "district_pudong"));
        Assert.Throws<ArgumentException>(() => StorageTarget.Postgres("Host=h;Password=s3cret;Nonsense=1", "district_pudong"));
        var missingDatabase = Assert.Throws<ArgumentException>(() => StorageTarget.Postgres("Host=h;Password=s3cret", "district_pudong"));
        Assert.DoesNotContain("s3cret", missingDatabase.Message, StringComparison.Ordinal);
    }
}
