# Chuangwei 创卫 — container image for the postgres profile (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY dmn dmn
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
# a CJK TrueType font for the PDF circulars; curl for the health check (docker-compose.yml)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 1001 chuangwei
COPY --from=build /src/target/chuangwei-*.jar /app/chuangwei.jar
USER chuangwei
EXPOSE 8080
ENV SPRING_PROFILES_ACTIVE=postgres TZ=Asia/Shanghai
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/chuangwei.jar"]
