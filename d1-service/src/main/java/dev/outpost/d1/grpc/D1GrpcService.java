package dev.outpost.d1.grpc;

import dev.outpost.contracts.d1.v1.BookmarkResponse;
import dev.outpost.contracts.d1.v1.CreateDatabaseRequest;
import dev.outpost.contracts.d1.v1.D1Service;
import dev.outpost.contracts.d1.v1.Database;
import dev.outpost.contracts.d1.v1.DatabaseRef;
import dev.outpost.contracts.d1.v1.DeleteDatabaseResponse;
import dev.outpost.contracts.d1.v1.DumpResponse;
import dev.outpost.contracts.d1.v1.ExecRequest;
import dev.outpost.contracts.d1.v1.ExecResponse;
import dev.outpost.contracts.d1.v1.ExportRequest;
import dev.outpost.contracts.d1.v1.ExportResponse;
import dev.outpost.contracts.d1.v1.GetBookmarkRequest;
import dev.outpost.contracts.d1.v1.ImportRequest;
import dev.outpost.contracts.d1.v1.ImportResponse;
import dev.outpost.contracts.d1.v1.ListDatabasesRequest;
import dev.outpost.contracts.d1.v1.ListDatabasesResponse;
import dev.outpost.contracts.d1.v1.QueryRequest;
import dev.outpost.contracts.d1.v1.QueryResponse;
import dev.outpost.contracts.d1.v1.RestoreRequest;
import dev.outpost.contracts.d1.v1.RestoreResponse;
import dev.outpost.contracts.d1.v1.ResultsFormat;
import dev.outpost.contracts.d1.v1.Statement;
import dev.outpost.d1.error.GrpcErrors;
import dev.outpost.d1.model.ExportOptions;
import dev.outpost.d1.model.SqlStatement;
import dev.outpost.d1.service.D1Databases;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** outpost.d1.v1.D1Service: translation only; all behaviour is in {@link D1Databases}. */
@GrpcService
public class D1GrpcService implements D1Service {

    private final D1Databases d1;

    public D1GrpcService(D1Databases d1) {
        this.d1 = d1;
    }

    @Override
    public Uni<QueryResponse> query(QueryRequest req) {
        List<SqlStatement> statements = new ArrayList<>(req.getStatementsCount());
        for (Statement s : req.getStatementsList()) {
            statements.add(ProtoMapping.statement(s));
        }
        boolean rows = req.getFormat() != ResultsFormat.RESULTS_FORMAT_NONE;
        List<SqlStatement> run;
        try {
            run = req.getResultsPerStatement() ? D1Databases.expand(statements) : statements;
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(GrpcErrors.toStatus(e));
        }
        return uni(d1.query(account(req.getDb()), req.getDb().getDatabaseId(), run, rows, req.getSession())
                .thenApply(o -> {
                    QueryResponse.Builder b = QueryResponse.newBuilder().setBookmark(o.bookmark());
                    o.results().forEach(r -> b.addResults(ProtoMapping.result(r)));
                    return b.build();
                }));
    }

    @Override
    public Uni<ExecResponse> exec(ExecRequest req) {
        return uni(d1.exec(account(req.getDb()), req.getDb().getDatabaseId(), req.getSql())
                .thenApply(o -> ExecResponse.newBuilder().setCount(o.count()).setDuration(o.durationMs()).build()));
    }

    @Override
    public Uni<DumpResponse> dump(DatabaseRef req) {
        return uni(d1.dump(account(req), req.getDatabaseId()).thenApply(b -> DumpResponse.getDefaultInstance()));
    }

    @Override
    public Uni<Database> createDatabase(CreateDatabaseRequest req) {
        return uni(d1.create(req.getCaller().getAccountId(), req.getName(), req.getDatabaseId(),
                req.getPrimaryLocationHint(), req.getJurisdiction()).thenApply(ProtoMapping::database));
    }

    @Override
    public Uni<Database> getDatabase(DatabaseRef req) {
        return uni(d1.get(account(req), req.getDatabaseId()).thenApply(ProtoMapping::database));
    }

    @Override
    public Uni<ListDatabasesResponse> listDatabases(ListDatabasesRequest req) {
        return uni(d1.list(req.getCaller().getAccountId(), req.getName(), req.getPage(), req.getPerPage(), req.getLocalOnly())
                .thenApply(p -> {
                    ListDatabasesResponse.Builder b = ListDatabasesResponse.newBuilder().setTotalCount(p.totalCount());
                    p.databases().forEach(d -> b.addDatabases(ProtoMapping.database(d)));
                    return b.build();
                }));
    }

    @Override
    public Uni<DeleteDatabaseResponse> deleteDatabase(DatabaseRef req) {
        return uni(d1.delete(account(req), req.getDatabaseId()).thenApply(v -> DeleteDatabaseResponse.getDefaultInstance()));
    }

    @Override
    public Uni<ExportResponse> export(ExportRequest req) {
        ExportOptions options = new ExportOptions(req.getNoData(), req.getNoSchema(), req.getTablesList());
        Path tmp;
        try {
            tmp = Files.createTempFile("d1-export-", ".sql");
        } catch (IOException e) {
            return Uni.createFrom().failure(GrpcErrors.toStatus(e));
        }
        return uni(d1.export(account(req.getDb()), req.getDb().getDatabaseId(), options, tmp).thenApply(bookmark -> {
            try {
                return ExportResponse.newBuilder().setSql(Files.readString(tmp, StandardCharsets.UTF_8))
                        .setBookmark(bookmark).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((r, e) -> tmp.toFile().delete()));
    }

    @Override
    public Uni<ImportResponse> import_(ImportRequest req) {
        String sql = req.getSql();
        return uni(d1.importSql(account(req.getDb()), req.getDb().getDatabaseId(), () -> new StringReader(sql))
                .thenApply(o -> ImportResponse.newBuilder().setNumQueries(o.numQueries())
                        .setFinalBookmark(o.finalBookmark()).setMeta(ProtoMapping.meta(o.meta())).build()));
    }

    @Override
    public Uni<BookmarkResponse> getBookmark(GetBookmarkRequest req) {
        return uni(d1.bookmark(account(req.getDb()), req.getDb().getDatabaseId(), req.getTimestampMs())
                .thenApply(b -> BookmarkResponse.newBuilder().setBookmark(b).build()));
    }

    @Override
    public Uni<RestoreResponse> restore(RestoreRequest req) {
        return uni(d1.restore(account(req.getDb()), req.getDb().getDatabaseId(), req.getBookmark(), req.getTimestampMs())
                .thenApply(o -> RestoreResponse.newBuilder().setBookmark(o.bookmark())
                        .setPreviousBookmark(o.previousBookmark()).setMessage(o.message()).build()));
    }

    private static String account(DatabaseRef ref) {
        return ref.getCaller().getAccountId();
    }

    private static <T> Uni<T> uni(CompletionStage<T> stage) {
        return Uni.createFrom().completionStage(stage).onFailure().transform(GrpcErrors::toStatus);
    }

}
