# Atelier: one image for every role (ATELIER_ROLES=gateway | worker | gateway,worker).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY shared ./shared
COPY gateway ./gateway
COPY conversation ./conversation
COPY prompt-service ./prompt-service
COPY image-service ./image-service
COPY gallery ./gallery
COPY identity ./identity
COPY limits ./limits
COPY templates ./templates
COPY webhooks ./webhooks
COPY usage ./usage
# The web app (web/, with the SDK it uses, client/) is bundled by esbuild when Atelier starts.
COPY web ./web
COPY client ./client
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# Fonts for the offline renderer's captions; redis-server so the image also runs alone on its
# embedded defaults (compose points it at the redis service instead).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core redis-server \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /data && chown node:node /data
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/data PORT=9999
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/gallery/migrations ./gallery/migrations
COPY --from=build /app/conversation/store/migrations ./conversation/store/migrations
COPY --from=build /app/identity/migrations ./identity/migrations
COPY --from=build /app/templates/migrations ./templates/migrations
COPY --from=build /app/webhooks/migrations ./webhooks/migrations
COPY --from=build /app/usage/migrations ./usage/migrations
COPY --from=build /app/web ./web
COPY --from=build /app/client ./client
USER node
VOLUME ["/data"]
EXPOSE 9999
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||9999)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/gateway/main.js"]
