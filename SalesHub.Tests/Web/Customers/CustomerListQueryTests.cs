using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SalesHub.Core.Customers;
using SalesHub.Core.Errors;
using SalesHub.Web.Customers;

namespace SalesHub.Tests.Web.Customers;

public sealed class CustomerListQueryTests
{
    [Fact]
    public void WhatIsWrittenReadsBackAsTheSameQuery()
    {
        var query = new CustomerQuery
        {
            Search = "李 & Co", OwnerId = 7, TeamId = 2, GradeId = 3, TagId = 11, Industry = "Retail", Province = "浙江",
            Status = CustomerStatus.Dormant, Sort = "-updatedAt", Page = 4, PageSize = 50,
        };

        Assert.Equal(query, Read(QueryString.Create(CustomerListQuery.Write(query)).Value!));
    }

    [Fact]
    public void DefaultsAreLeftOutAndTheStatusIsWrittenAsTheApiWritesIt()
    {
        var written = CustomerListQuery.Write(new CustomerQuery { Status = CustomerStatus.Active });

        Assert.Equal([new("status", "active")], written);
    }

    [Fact]
    public void EmptyValuesAreNoFilter() =>
        Assert.Equal(new CustomerQuery(), Read("?ownerId=&status=&search="));

    [Theory]
    [InlineData("?gradeId=A", "gradeId")]
    [InlineData("?page=first", "page")]
    [InlineData("?status=asleep", "status")]
    public void AnUnreadableValueIsRefusedNamingItsParameter(string queryString, string field)
    {
        var error = Assert.Throws<DomainException>(() => Read(queryString));

        Assert.Equal(("Errors.InvalidValue", field), (error.Code, error.Field));
    }

    private static CustomerQuery Read(string queryString) =>
        CustomerListQuery.Read(new QueryCollection(QueryHelpers.ParseQuery(queryString)));
}
