package jp.jcstar.lab.company;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CompanyRepository {

    private final JdbcClient jdbc;

    public CompanyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ManufacturerCompany company) {
        jdbc.sql("insert into manufacturer_company (id, name, created_by, created_at) values (?, ?, ?, ?)")
                .params(company.id(), company.name(), company.createdBy(), company.createdAt()).update();
    }

    public Optional<ManufacturerCompany> find(String id) {
        return jdbc.sql("select * from manufacturer_company where id = ?").param(id)
                .query((rs, row) -> new ManufacturerCompany(rs.getString("id"), rs.getString("name"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
                .optional();
    }

    public List<ManufacturerCompany> list() {
        return jdbc.sql("select * from manufacturer_company order by id")
                .query((rs, row) -> new ManufacturerCompany(rs.getString("id"), rs.getString("name"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }
}
