using System.Text;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Registry;
using Dashboard.Testing;

namespace Dashboard.Grains.Tests;

public sealed class RegistryCsvTests
{
    private static readonly Region Qingyuan = new("441800", "清远市",
    [
        new County("441802", "清城区"),
        new County("441803", "清新区"),
        new County("441821", "佛冈县"),
        new County("441823", "阳山县"),
        new County("441825", "连山壮族瑶族自治县"),
        new County("441826", "连南瑶族自治县"),
        new County("441881", "英德市"),
        new County("441882", "连州市"),
    ]);

    static RegistryCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    [Fact]
    public void A_UTF8_file_with_English_headers_becomes_institutions()
    {
        var result = Parse("""
            id,name,kind,county,beds,occupants
            441802-A,凤城街道敬老院,public-elderly-care,441802,32,11
            441800-C,清远市儿童福利院,child-welfare,441800,120,45
            """);

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal("utf-8", result.EncodingName);
        Assert.Equal<RegisteredInstitution>(
        [
            new RegisteredInstitution(new InstitutionInfo("441802-A", "凤城街道敬老院", InstitutionKind.PublicElderlyCare, "441802", false), 32, 11),
            new RegisteredInstitution(new InstitutionInfo("441800-C", "清远市儿童福利院", InstitutionKind.ChildWelfare, "441800", false), 120, 45),
        ], result.Institutions);
    }

    [Fact]
    public void A_CSV_UTF8_file_from_Excel_has_its_BOM_removed_before_the_header_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,name,kind,county\r\na1,甲,child-welfare,清城区\r\n")).ToArray();

        var result = RegistryCsv.Parse(bytes, Qingyuan, demo: true);

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal("utf-8-bom", result.EncodingName);
        var institution = Assert.Single(result.Institutions);
        Assert.Equal(new InstitutionInfo("a1", "甲", InstitutionKind.ChildWelfare, "441802", true), institution.Info);
    }

    [Fact]
    public void A_GB18030_file_from_Excel_is_read_with_its_Chinese_headers_kinds_and_county_names()
    {
        // Columns in another order, an extra column, and no occupants column.
        var bytes = Gb18030.GetBytes(
            "机构名称,备注,机构编号,机构类型,所属区县,床位数\r\n" +
            "英德市英城街道敬老院,新建,441881-GB-001,区域性敬老院,英德市,60\r\n" +
            "清远市救助管理站,,441800-JZ,救助管理站,清远市,\r\n" +
            "连南县民办颐养院,,441826-MB-001,民办养老机构,连南瑶族自治县,80\r\n");

        var result = RegistryCsv.Parse(bytes, Qingyuan, demo: false);

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal("gb18030", result.EncodingName);
        Assert.Equal<RegisteredInstitution>(
        [
            new RegisteredInstitution(new InstitutionInfo("441881-GB-001", "英德市英城街道敬老院", InstitutionKind.RegionalElderlyHome, "441881", false), 60, 0),
            new RegisteredInstitution(new InstitutionInfo("441800-JZ", "清远市救助管理站", InstitutionKind.RescueStation, "441800", false), 0, 0),
            new RegisteredInstitution(new InstitutionInfo("441826-MB-001", "连南县民办颐养院", InstitutionKind.PrivateElderlyCare, "441826", false), 80, 0),
        ], result.Institutions);
    }

    [Fact]
    public void Header_names_are_matched_ignoring_case_and_surrounding_spaces()
    {
        var result = Parse(" ID , Name ,KIND,  区县代码 ,床位, 入住人数 \na1,甲,child-welfare,441802,5,9\n");

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(new RegisteredInstitution(new InstitutionInfo("a1", "甲", InstitutionKind.ChildWelfare, "441802", false), 5, 9), Assert.Single(result.Institutions));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_line_number_and_column()
    {
        var result = Parse("""
            编号,名称,类型,区县,床位数,在住人数
            ok-1,好的敬老院,公办养老机构,清城区,10,3

            ,无编号敬老院,公办养老机构,清城区,10,3
            bad id,空格编号,公办养老机构,清城区,10,3
            ok-2,,公办养老机构,清城区,10,3
            ok-3,类型错,养老院,清城区,10,3
            ok-4,区县错,公办养老机构,广州市,10,3
            ok-5,床位错,公办养老机构,清城区,-1,3.5
            ok-6,床位过多,公办养老机构,清城区,100001,3
            """);

        Assert.False(result.IsValid);
        Assert.Equal(
        [
            (4, "id"), (5, "id"), (6, "name"), (7, "kind"), (8, "county"), (9, "beds"), (9, "occupants"), (10, "beds"),
        ], result.Errors.Select(error => (error.Line, error.Column!)));
        Assert.Contains("编号", result.Errors[0].Message);
        Assert.Contains("公办养老机构", result.Errors[3].Message); // The accepted kinds are listed.
        Assert.Contains("child-welfare", result.Errors[3].Message);
        Assert.Contains("广州市", result.Errors[4].Message);
        Assert.Contains("清城区", result.Errors[4].Message); // The accepted counties are listed.
        Assert.Equal("ok-1", Assert.Single(result.Institutions).Info.Id);
    }

    [Fact]
    public void Ids_longer_than_64_characters_or_with_Chinese_characters_are_rejected()
    {
        var result = Parse($"id,name,kind,county\n{new string('a', 65)},甲,child-welfare,441802\n清城-1,乙,child-welfare,441802\n{new string('b', 64)},丙,child-welfare,441802\n");

        Assert.Equal([(2, "id"), (3, "id")], result.Errors.Select(error => (error.Line, error.Column!)));
        Assert.Contains("64", result.Errors[0].Message);
        Assert.Equal(new string('b', 64), Assert.Single(result.Institutions).Info.Id);
    }

    [Fact]
    public void A_quoted_field_may_hold_commas_doubled_quotes_and_surrounding_spaces()
    {
        var result = Parse("id,name,kind,county,beds\r\na1 ,  \"清远市\"\"康乐\"\"护理院,二部\" ,private-elderly-care, 441802 ,\"1200\"\r\n");

        Assert.True(result.IsValid, Describe(result));
        var institution = Assert.Single(result.Institutions);
        Assert.Equal("a1", institution.Info.Id);
        Assert.Equal("清远市\"康乐\"护理院,二部", institution.Info.Name);
        Assert.Equal(1200, institution.Beds);
    }

    [Fact]
    public void A_missing_required_column_is_one_error_on_the_header_line()
    {
        var result = Parse("id,name,beds\na1,甲,5\na2,乙,6\n");

        Assert.False(result.IsValid);
        Assert.Equal([(1, "kind"), (1, "county")], result.Errors.Select(error => (error.Line, error.Column!)));
        Assert.Contains("机构类型", result.Errors[0].Message);
        Assert.Empty(result.Institutions);
    }

    [Fact]
    public void A_duplicate_id_is_reported_on_the_later_line_naming_the_earlier_one()
    {
        var result = Parse("id,name,kind,county\na1,甲,child-welfare,441802\na2,乙,child-welfare,441802\n\na1,丙,child-welfare,441803\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((5, "id"), (error.Line, error.Column));
        Assert.Contains("第 2 行", error.Message);
        Assert.Equal(["a1", "a2"], result.Institutions.Select(institution => institution.Info.Id));
    }

    [Fact]
    public void More_occupants_than_beds_is_not_an_error()
    {
        var result = Parse("id,name,kind,county,beds,occupants\na1,甲,public-elderly-care,441802,10,14\n");

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal(14, Assert.Single(result.Institutions).Occupants);
    }

    [Fact]
    public void A_name_with_an_unquoted_comma_is_reported_as_too_many_fields()
    {
        var result = Parse("id,name,kind,county,beds,occupants\na1,康乐护理院,二部,private-elderly-care,441802,10,3\n");

        Assert.Contains(result.Errors, error => error.Line == 2 && error.Column is null && error.Message.Contains("双引号"));
        Assert.Empty(result.Institutions);
    }

    [Fact]
    public void A_line_break_inside_quotes_keeps_the_line_numbers_of_the_following_lines_right()
    {
        var result = Parse("id,name,kind,county\na1,\"甲\n乙\",child-welfare,441802\na2,丙,养老院,441802\n");

        Assert.Equal([(2, "name"), (4, "kind")], result.Errors.Select(error => (error.Line, error.Column!)));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_and_the_lines_after_it_are_still_checked()
    {
        var result = Parse("id,name,kind,county\na1,\"甲,child-welfare,441802\na2,乙,child-welfare,441802\na3,丙,养老院,441802\n");

        Assert.Equal([(2, null), (4, "kind")], result.Errors.Select(error => (error.Line, error.Column)));
        Assert.Contains("引号", result.Errors[0].Message);
        Assert.Equal("a2", Assert.Single(result.Institutions).Info.Id);
    }

    [Fact]
    public void An_empty_file_is_one_error_asking_for_a_header()
    {
        var result = RegistryCsv.Parse("\r\n\r\n"u8.ToArray(), Qingyuan, demo: false);

        Assert.Equal(1, Assert.Single(result.Errors).Line);
        Assert.Empty(result.Institutions);
    }

    [Fact]
    public void A_UTF16_Unicode_text_file_is_refused_with_advice()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("id\tname\n")).ToArray();

        var result = RegistryCsv.Parse(bytes, Qingyuan, demo: false);

        Assert.Equal("utf-16le", result.EncodingName);
        Assert.Contains("CSV UTF-8", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void The_demo_registry_in_deploy_seed_parses_with_the_2021_report_totals()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repository.Root, "deploy", "seed", "institutions.csv"));

        var result = RegistryCsv.Parse(bytes, Qingyuan, demo: true);

        var elderlyCare = result.Institutions.Where(institution => institution.Info.Kind.IsElderlyCare()).ToList();
        var childWelfare = result.Institutions.Where(institution => institution.Info.Kind.IsChildWelfare()).ToList();
        Assert.True(result.IsValid, Describe(result));
        Assert.Equal((104, 8231, 3409), (elderlyCare.Count, elderlyCare.Sum(institution => institution.Beds), elderlyCare.Sum(institution => institution.Occupants)));
        Assert.Equal(119, childWelfare.Sum(institution => institution.Occupants));
        Assert.Equal(10, result.Institutions.Count(institution => institution.Info.Kind.IsRescue()));
        Assert.All(result.Institutions, institution => Assert.True(institution.Info.Demo));
    }

    private static RegistryCsvResult Parse(string text) => RegistryCsv.Parse(Encoding.UTF8.GetBytes(text), Qingyuan, demo: false);

    private static string Describe(RegistryCsvResult result) =>
        string.Join(Environment.NewLine, result.Errors.Select(error => $"{error.Line} {error.Column}: {error.Message}"));
}
